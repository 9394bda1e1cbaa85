"""The council's evaluation report in the admin, and the links that share it.

The HTML report is the primary, accessible view; the PDF is the same template
printed by WeasyPrint. A shared link fixes the period and opens only this
report and its PDF (share_public.py).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from . import charts, exports
from .council_report import CouncilReport, council_report, default_period
from .models import ReportShareLink
from .pdf import council_report_pdf
from .periods import Period, PeriodError, danish_date, parse_period
from .plain_danish import plain_danish, plain_danish_table
from .reports import monthly_trend, source_mix
from .views import ReachView

SHARE_PERMISSION = "reach.add_reportsharelink"


def report_charts(report: CouncilReport) -> dict:
    return {
        **charts.month_charts(report.months, report.notes),
        "source_chart": charts.bar_chart(
            "Sidevisninger pr. kilde", [(s.label, s.views) for s in report.sources]
        ),
    }


def site_for(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def build_report(request, period: Period) -> CouncilReport:
    return council_report(period, site_for(request), timezone.localdate(), request)


def pdf_response(request, report: CouncilReport) -> HttpResponse:
    pdf = council_report_pdf(report, report_charts(report), request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="evalueringsrapport-{report.period.start}-{report.period.end}.pdf"'
    )
    return response


class CouncilReportView(ReachView):
    """The evaluation report: printable HTML, and the same figures as PDF."""

    page_title = "Evalueringsrapport"
    template_name = "reach/council_report.html"
    export_name = "evalueringsrapport"

    def initial_period(self):
        return default_period(site_for(self.request), self.today)

    def tables(self):
        """The report's tables for a spreadsheet: the XLSX holds them all, the
        CSV the one `?tabel=` names (default: the participation figures)."""
        report = build_report(self.request, self.period)
        return [
            *exports.participation_tables(report.participation),
            plain_danish_table(plain_danish(self.period)),
            exports.month_table(monthly_trend(self.period, self.today)),
            exports.source_table(source_mix(self.period)),
        ]

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "pdf":
            return pdf_response(request, build_report(request, self.period))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = build_report(self.request, self.period)
        context.update(
            report=report,
            generated=timezone.localtime(),
            pdf_url=f"?fra={report.period.start}&til={report.period.end}&format=pdf",
            can_share=self.request.user.has_perm(SHARE_PERMISSION),
            **report_charts(report),
        )
        return context


class ShareLinkForm(forms.Form):
    label = forms.CharField(
        label="Hvem er linket til?",
        max_length=120,
        help_text="Fx 'Byrådets møde 24. juni'. Vises kun her i adminområdet.",
    )
    start = forms.DateField(
        label="Rapportens periode fra", widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label="til", widget=forms.DateInput({"type": "date"}))
    days = forms.IntegerField(
        label="Gyldigt i antal dage",
        min_value=1,
        max_value=90,
        initial=14,
        error_messages={
            "min_value": "Linket skal gælde mindst 1 dag.",
            "max_value": "Linket kan højst gælde 90 dage; lav et nyt, når det udløber.",
            "invalid": "Skriv antallet af dage som et helt tal.",
            "required": "Skriv, hvor mange dage linket skal gælde.",
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "Slutdatoen ligger før startdatoen.")
        return data


class ShareLinksView(WagtailAdminTemplateMixin, TemplateView):
    """Make, see and revoke the council's links; the new link is shown once."""

    page_title = "Del evalueringsrapporten med byrådet"
    header_icon = "link"
    template_name = "reach/admin/share_links.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SHARE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def initial_period(self) -> Period:
        today = timezone.localdate()
        default, _ = default_period(site_for(self.request), today)
        try:
            return parse_period(self.request.GET, today, default)
        except PeriodError:
            return default

    def get_context_data(self, form=None, new_url="", **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.initial_period()
        context.update(
            form=form or ShareLinkForm(initial={"start": period.start, "end": period.end}),
            new_url=new_url,
            links=ReportShareLink.objects.prefetch_related("uses")[:100],
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ShareLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        link, token = ReportShareLink.create(
            label=data["label"],
            period=Period(data["start"], data["end"]),
            days=data["days"],
            user=request.user,
        )
        url = request.build_absolute_uri(reverse("council_shared_report", args=[token]))
        messages.success(
            request,
            f"Linket til »{link.label}« er lavet og gælder til "
            f"{danish_date(timezone.localdate(link.expires_at))}. Kopiér det nu: "
            "det vises kun denne ene gang.",
        )
        return self.render_to_response(self.get_context_data(new_url=url))


class RevokeShareLinkView(View):
    def post(self, request, pk):
        if not request.user.has_perm("reach.change_reportsharelink"):
            raise PermissionDenied
        link = get_object_or_404(ReportShareLink, pk=pk)
        if link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
        messages.success(request, f"Linket til »{link.label}« er tilbagekaldt og virker ikke mere.")
        return redirect("reach_share_links")


def render_shared(request, link: ReportShareLink, token: str) -> TemplateResponse:
    report = build_report(request, Period(link.period_start, link.period_end))
    return TemplateResponse(
        request,
        "reach/council_report.html",
        {
            "report": report,
            "shared": True,
            "generated": timezone.localtime(),
            "pdf_url": reverse("council_shared_report_pdf", args=[token]),
            **report_charts(report),
        },
    )
