"""The "Rækkevidde" admin: per story, per channel, per period, sources, and
the council's evaluation report. Every view checks `reach.view_reports`."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from stories.models import StoryPage

from . import charts, exports
from .channel_figures import CHANNEL_LABELS, channel_series
from .council_report import channel_totals, council_report
from .models import PageDay
from .periods import PeriodError, last_twelve_months, parse_period
from .permissions import can_view_reports
from .reports import daily_views, monthly_trend, source_mix, story_rows

NAV = (
    ("reach_stories", "Historier"),
    ("reach_channels", "Kanaler"),
    ("reach_periods", "Perioder"),
    ("reach_sources", "Kilder"),
    ("reach_council", "Evalueringsrapport"),
)


class ReachView(WagtailAdminTemplateMixin, TemplateView):
    """A report page: period from ?fra=&til=, export as ?format=csv|xlsx."""

    header_icon = "doc-full"
    export_name = "raekkevidde"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        self.today = timezone.localdate()
        self.period_error = None
        try:
            self.period = parse_period(request.GET, self.today)
        except PeriodError as error:
            self.period_error = error.reason
            self.period = last_twelve_months(self.today)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reach_stories"), "label": "Rækkevidde"},
            {"url": "", "label": self.get_page_title()},
        ]

    def tables(self) -> list[exports.Table]:
        return []

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format", "")
        if export in ("csv", "xlsx"):
            tables = self.tables()
            if not tables:
                raise Http404
            stem = f"{self.export_name}-{self.period.start}-{self.period.end}"
            if export == "csv":
                response = HttpResponse(exports.to_csv(tables[0]), content_type="text/csv")
            else:
                response = HttpResponse(
                    exports.to_xlsx(tables),
                    content_type="application/vnd.openxmlformats-officedocument"
                    ".spreadsheetml.sheet",
                )
            response["Content-Disposition"] = f'attachment; filename="{stem}.{export}"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = f"fra={self.period.start}&til={self.period.end}"
        context.update(
            period=self.period,
            period_error=self.period_error,
            query=query,
            nav=[
                (reverse(name), label, name == self.request.resolver_match.url_name)
                for name, label in NAV
            ],
            can_export=bool(self.tables.__func__ is not ReachView.tables),
        )
        return context


class StoriesView(ReachView):
    page_title = "Rækkevidde pr. historie"
    template_name = "reach/admin/stories.html"
    export_name = "raekkevidde-historier"

    def rows(self):
        if not hasattr(self, "_rows"):
            order = self.request.GET.get("sorter", "")
            rows = story_rows(self.period, self.request)
            if order == "visninger":
                rows.sort(key=lambda r: (-r.views, r.title))
            self._rows = rows
        return self._rows

    def tables(self):
        return [exports.story_table(self.rows())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        channels = sorted({c for r in rows for c in r.channels}, key=list(CHANNEL_LABELS).index)
        context.update(
            rows=rows,
            channels=[(c, CHANNEL_LABELS.get(c, c)) for c in channels],
            total_views=sum(r.views for r in rows),
            top=charts.bar_chart(
                "Mest læste historier",
                [(r.title[:28], r.views) for r in sorted(rows, key=lambda r: -r.views)[:10]],
            ),
        )
        return context


class StoryDetailView(ReachView):
    template_name = "reach/admin/story.html"

    def get_page_title(self):
        return f"Rækkevidde: {self.story.title}"

    def dispatch(self, request, *args, **kwargs):
        self.story = get_object_or_404(StoryPage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def tables(self):
        rows = PageDay.objects.filter(
            page=self.story, day__gte=self.period.start, day__lte=self.period.end
        ).order_by("day")
        return [
            exports.Table(
                "Dage",
                ["Historie", "Dato", "Sidevisninger", "Unikke besøgende"],
                [[self.story.title, r.day.isoformat(), r.views, r.visitors] for r in rows],
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = dict(
            PageDay.objects.filter(
                page=self.story, day__gte=self.period.start, day__lte=self.period.end
            ).values_list("day", "views")
        )
        dates = [self.period.start + datetime.timedelta(i) for i in range(self.period.days)]
        row = next(
            (r for r in story_rows(self.period, self.request) if r.page_id == self.story.pk), None
        )
        channel_charts = []
        for channel, series in channel_series(self.story.pk, self.period).items():
            channel_charts.append(
                (
                    CHANNEL_LABELS.get(channel, channel),
                    charts.line_chart(
                        f"{CHANNEL_LABELS.get(channel, channel)} over tid",
                        [at.strftime("%d.%m") for at in series.times],
                        [charts.Series(name, values) for name, values in series.values.items()],
                    ),
                )
            )
        context.update(
            story=self.story,
            row=row,
            chart=charts.line_chart(
                "Sidevisninger pr. dag",
                [d.strftime("%d.%m") for d in dates],
                [charts.Series("Sidevisninger", [days.get(d, 0) for d in dates])],
            ),
            channel_charts=channel_charts,
        )
        return context


class ChannelsView(ReachView):
    page_title = "Rækkevidde pr. kanal"
    template_name = "reach/admin/channels.html"
    export_name = "raekkevidde-kanaler"

    def tables(self):
        totals = channel_totals(story_rows(self.period, self.request))
        return [
            exports.Table(
                "Kanaler",
                ["Kanal", "Måltal (platformens eget navn)", "Sum over historierne"],
                [[c, name, v] for c, metrics in totals.items() for name, v in metrics.items()],
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = story_rows(self.period, self.request)
        context.update(totals=channel_totals(rows), sources=source_mix(self.period))
        return context


class PeriodsView(ReachView):
    page_title = "Rækkevidde pr. periode"
    template_name = "reach/admin/periods.html"
    export_name = "raekkevidde-maaneder"

    def tables(self):
        return [exports.month_table(monthly_trend(self.period))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        months = monthly_trend(self.period)
        days = daily_views(self.period)
        context.update(
            months=months,
            month_chart=charts.line_chart(
                "Sidevisninger og unikke besøgende pr. måned",
                [m.month.strftime("%m.%y") for m in months],
                [
                    charts.Series("Sidevisninger", [m.views for m in months]),
                    charts.Series("Unikke besøgende", [m.visitors for m in months]),
                ],
            ),
            day_chart=charts.line_chart(
                "Sidevisninger pr. dag",
                [d.strftime("%d.%m") for d, _ in days],
                [charts.Series("Sidevisninger", [v for _, v in days])],
            ),
        )
        return context


class SourcesView(ReachView):
    page_title = "Hvor kommer læserne fra?"
    template_name = "reach/admin/sources.html"
    export_name = "raekkevidde-kilder"

    def tables(self):
        return [exports.source_table(source_mix(self.period))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = source_mix(self.period)
        context.update(
            sources=sources,
            chart=charts.bar_chart(
                "Sidevisninger pr. kilde", [(s.label, s.views) for s in sources]
            ),
        )
        return context


class CouncilReportView(ReachView):
    """The evaluation report: printable HTML, and the same figures as PDF."""

    page_title = "Evalueringsrapport"
    template_name = "reach/council_report.html"

    def report(self):
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        return council_report(self.period, site, self.today, self.request)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "pdf":
            from .pdf import council_report_pdf

            report = self.report()
            response = HttpResponse(council_report_pdf(report), content_type="application/pdf")
            response["Content-Disposition"] = (
                f'attachment; filename="evalueringsrapport-{report.period.start}-'
                f'{report.period.end}.pdf"'
            )
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report()
        context.update(
            report=report,
            generated=timezone.localtime(),
            month_chart=charts.line_chart(
                "Sidevisninger og unikke besøgende pr. måned",
                [m.month.strftime("%m.%y") for m in report.months],
                [
                    charts.Series("Sidevisninger", [m.views for m in report.months]),
                    charts.Series("Unikke besøgende", [m.visitors for m in report.months]),
                ],
            ),
            source_chart=charts.bar_chart(
                "Sidevisninger pr. kilde", [(s.label, s.views) for s in report.sources]
            ),
        )
        return context
