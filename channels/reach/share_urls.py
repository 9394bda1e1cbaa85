"""The council's shared report, outside the admin (see share_public.py)."""

from django.urls import path

from . import share_public

urlpatterns = [
    path("<str:token>/", share_public.shared_report, name="council_shared_report"),
    path("<str:token>/pdf/", share_public.shared_report_pdf, name="council_shared_report_pdf"),
]
