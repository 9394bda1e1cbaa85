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
from .channel_figures import (
    channel_label,
    channel_order,
    channel_series,
    metric_info,
    refused_notes,
    utm_label,
)
from .channel_summary import channel_summary
from .council_report import timeline_notes
from .languages import by_language, language_table
from .models import EvaluationTargets, PageDay
from .periods import PeriodError, last_twelve_months, parse_period
from .permissions import can_view_reports
from .reports import daily_views, monthly_trend, period_with_data, source_mix, story_rows

NAV = (
    ("reach_stories", "Historier"),
    ("reach_channels", "Kanaler"),
    ("reach_periods", "Perioder"),
    ("reach_sources", "Kilder"),
    ("reach_council", "Evalueringsrapport"),
)


def day_notes(dates: list[datetime.date], notes) -> list[charts.ChartNote]:
    """Timeline notes on a chart with one point per day."""
    if not dates:
        return []
    return [
        charts.ChartNote(n.number, (n.date - dates[0]).days)
        for n in notes
        if dates[0] <= n.date <= dates[-1]
    ]


class ReachView(WagtailAdminTemplateMixin, TemplateView):
    """A report page: period from ?fra=&til=, export as ?format=csv|xlsx."""

    header_icon = "doc-full"
    export_name = "raekkevidde"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        self.today = timezone.localdate()
        self.period_error = None
        default, self.period_note = self.initial_period()
        if request.GET.get("fra") or request.GET.get("til"):
            self.period_note = ""
        try:
            self.period = parse_period(request.GET, self.today, default)
        except PeriodError as error:
            self.period_error = error.reason
            self.period = default
        return super().dispatch(request, *args, **kwargs)

    def default_period(self):
        return last_twelve_months(self.today)

    def initial_period(self):
        """The period shown without ?fra=&til=, and a note when it is not the usual one."""
        return period_with_data(self.default_period(), self.today)

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
                table = exports.chosen_table(tables, request.GET.get("tabel", ""))
                if table is None:
                    raise Http404
                response = HttpResponse(exports.to_csv(table), content_type="text/csv")
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
            period_note=self.period_note,
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
        return [exports.story_table(self.rows(), self.period)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        channels = sorted({c for r in rows for c in r.channels}, key=channel_order)
        context.update(
            rows=rows,
            channels=[(c, channel_label(c)) for c in channels],
            total_views=sum(r.views for r in rows),
            refused=refused_notes(),
            top=charts.bar_chart(
                "Mest læste historier",
                [(r.title, r.views) for r in sorted(rows, key=lambda r: -r.views)[:10]],
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
            infos = [metric_info(channel, name, self.period) for name in series.values]
            label = channel_label(channel)
            channel_charts.append(
                {
                    "label": label,
                    "chart": charts.line_chart(
                        f"{label} over tid",
                        [charts.day_label(timezone.localdate(at)) for at in series.times],
                        [
                            charts.Series(info.label_da, values)
                            for info, values in zip(infos, series.values.values(), strict=True)
                        ],
                    ),
                    "metrics": infos,
                    "rows": [
                        (at, [values[i] for values in series.values.values()])
                        for i, at in enumerate(series.times)
                    ],
                }
            )
        context.update(
            story=self.story,
            row=row,
            utm_views=[(utm_label(utm), n) for utm, n in row.utm_views.items()] if row else [],
            chart=charts.line_chart(
                "Sidevisninger pr. dag",
                [charts.day_label(d) for d in dates],
                [charts.Series("Sidevisninger", [days.get(d, 0) for d in dates])],
                notes=day_notes(dates, notes := timeline_notes(self.period)),
            ),
            day_rows=[(d, days.get(d, 0)) for d in dates],
            notes=notes,
            channel_charts=channel_charts,
        )
        return context


class ChannelsView(ReachView):
    page_title = "Rækkevidde pr. kanal"
    template_name = "reach/admin/channels.html"
    export_name = "raekkevidde-kanaler"

    def figures(self):
        if not hasattr(self, "_figures"):
            site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
            self.threshold = EvaluationTargets.for_site(site).people_threshold
            self._rows = story_rows(self.period, self.request)
            self._figures = channel_summary(self._rows, self.period, self.threshold)
        return self._figures

    def languages(self):
        """The same figures split by the language of each post."""
        if not hasattr(self, "_languages"):
            self.figures()
            self._languages = by_language(self._rows, self.period, self.threshold)
        return self._languages

    def tables(self):
        return [exports.channel_table(self.figures()), language_table(self.languages())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = self.figures()
        context.update(
            summed=[f for f in figures if not f.counts_people],
            people=[f for f in figures if f.counts_people],
            threshold=self.threshold,
            channel_notes=list(
                dict.fromkeys(f.change_note_da for f in figures if f.change_note_da)
            ),
            sources=source_mix(self.period),
            languages=self.languages(),
        )
        return context


class PeriodsView(ReachView):
    page_title = "Rækkevidde pr. periode"
    template_name = "reach/admin/periods.html"
    export_name = "raekkevidde-maaneder"

    def tables(self):
        return [exports.month_table(monthly_trend(self.period, self.today))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        months = monthly_trend(self.period, self.today)
        days = daily_views(self.period)
        notes = timeline_notes(self.period)
        context.update(
            months=months,
            days=days,
            notes=notes,
            **charts.month_charts(months, notes),
            day_chart=charts.line_chart(
                "Sidevisninger pr. dag",
                [charts.day_label(d) for d, _ in days],
                [charts.Series("Sidevisninger", [v for _, v in days])],
                notes=day_notes([d for d, _ in days], notes),
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
