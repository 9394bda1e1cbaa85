"""Admin views for "Fællesskab": sign-ups, volunteers, photos, personal data, invites.

Each view checks who may see it before doing anything: personal data is for
the secretariat (and a group's contact person for their own group's sign-ups);
co-editors and report readers get 403 (docs/roles.md).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home import participation, uploads
from home.mail import text_body
from home.participation_models import Contribution
from home.roles import MEDREDAKTOR, is_secretariat
from stories.models import PhotoStatus, PhotoSubmission, VolunteerSignup

from . import personal_data


def _attachment(content: str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class CommunityView(WagtailAdminTemplateMixin, TemplateView):
    """Base: a permission check in `allowed` runs before anything else."""

    def allowed(self, user) -> bool:
        return is_secretariat(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SignupsView(CommunityView):
    page_title = "Tilmeldinger til opgaver"
    template_name = "community/admin/signups.html"

    def allowed(self, user) -> bool:
        return user.is_authenticated and (is_secretariat(user) or user.contact_for_groups.exists())

    def get(self, request, *args, **kwargs):
        signups = personal_data.signups_visible_to(request.user)
        if request.GET.get("format") == "csv":
            rows = [
                {
                    "gruppe": s.task.page.title,
                    "opgave": s.task.title,
                    "dato": s.task.date.isoformat(),
                    "navn": s.name,
                    "kontakt": s.contact,
                    "tilmeldt": timezone.localtime(s.created_at).isoformat(),
                    "bekraeftet": timezone.localtime(s.confirmed_at).isoformat()
                    if s.confirmed_at
                    else "",
                }
                for s in signups
            ]
            return _attachment(personal_data.to_csv(rows), "tilmeldinger.csv", "text/csv")
        return self.render_to_response(self.get_context_data(signups=signups, **kwargs))


class VolunteersView(CommunityView):
    page_title = "Frivillige: Jeg vil gerne give en hånd"
    template_name = "community/admin/volunteers.html"

    def get(self, request, *args, **kwargs):
        volunteers = VolunteerSignup.objects.prefetch_related("groups")
        if request.GET.get("format") == "csv":
            rows = [
                {
                    "navn": v.name,
                    "kontakt": v.contact,
                    "interesser": v.interests,
                    "grupper": ", ".join(g.title for g in v.groups.all()),
                    "tilmeldt": timezone.localtime(v.created_at).isoformat(),
                }
                for v in volunteers
            ]
            return _attachment(personal_data.to_csv(rows), "frivillige.csv", "text/csv")
        return self.render_to_response(self.get_context_data(volunteers=volunteers, **kwargs))


class PhotosView(CommunityView):
    page_title = "Indsendte billeder"
    template_name = "community/admin/photos.html"

    def get(self, request, *args, **kwargs):
        photos = PhotoSubmission.objects.select_related("call", "image").order_by(
            "status", "-created_at"
        )
        return self.render_to_response(self.get_context_data(photos=photos, **kwargs))

    def post(self, request, *args, **kwargs):
        photo = get_object_or_404(PhotoSubmission, pk=request.POST.get("photo"))
        decision = request.POST.get("decision")
        if decision not in ("approve", "reject"):
            return redirect("community_photos")
        contribution = Contribution.objects.for_record(photo).first()
        if contribution is not None and contribution.is_waiting:
            # The resident follows this photo: a rejection needs a reason they
            # read, and an approval is mailed to them (home/participation.py).
            if decision == "reject":
                return redirect("contribution_answer", contribution.pk)
            participation.publish(contribution, request=request)
            messages.success(
                request, f"Billedet '{photo.caption}' er godkendt og vises i galleriet."
            )
            return redirect("community_photos")
        if decision == "reject":
            # The file goes at once (and the submission with it: its image is gone).
            caption = photo.caption
            uploads.discard(photo.image)
            PhotoSubmission.objects.filter(pk=photo.pk).delete()
            messages.success(request, f"Billedet '{caption}' er afvist og slettet.")
            return redirect("community_photos")
        photo.status = PhotoStatus.APPROVED
        photo.reviewed_at = timezone.now()
        photo.save(update_fields=["status", "reviewed_at"])
        uploads.release(photo.image)
        messages.success(request, f"Billedet '{photo.caption}' er godkendt og vises i galleriet.")
        return redirect("community_photos")


class PersonalDataView(CommunityView):
    """Find, export and erase one resident's data on request (GDPR art. 15 and 17)."""

    page_title = "Persondata: indsigt og sletning"
    template_name = "community/admin/personal_data.html"

    def allowed(self, user) -> bool:
        return personal_data.can_manage_personal_data(user)

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("email", "")[:254]
        email = personal_data.normalise_contact(raw)
        if raw.strip() and email is None:
            context = self.get_context_data(
                typed=raw.strip(), error=personal_data.NOT_AN_ADDRESS, **kwargs
            )
            return self.render_to_response(context, status=400)
        rows = personal_data.find_by_email(email) if email else []
        export = request.GET.get("format")
        if email and export == "json":
            return _attachment(personal_data.to_json(rows), "persondata.json", "application/json")
        if email and export == "csv":
            return _attachment(personal_data.to_csv(rows), "persondata.csv", "text/csv")
        context = self.get_context_data(
            email=email or "",
            typed=email or "",
            rows=rows,
            sources=personal_data.per_source(rows) if email else [],
            **kwargs,
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        email = personal_data.normalise_contact(request.POST.get("email", "")[:254])
        if email is None:
            messages.error(request, personal_data.NOT_AN_ADDRESS)
            return redirect("community_personal_data")
        back = f"{reverse('community_personal_data')}?{urlencode({'email': email})}"
        if request.POST.get("confirm") != "ja":
            messages.error(request, "Sæt kryds for at bekræfte sletningen.")
            return redirect(back)
        count = personal_data.erase_by_email(email)
        messages.success(request, f"{count} oplysninger om {email} er slettet.")
        return redirect("community_personal_data")


class InviteForm(forms.Form):
    first_name = forms.CharField(label="Fornavn", max_length=150)
    last_name = forms.CharField(label="Efternavn", max_length=150, required=False)
    email = forms.EmailField(label="E-mail")

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Der findes allerede en bruger med den e-mail.")
        return email


class InviteView(CommunityView):
    """The secretariat invites a volunteer co-editor: an account in "Medredaktør"
    without a password, and an e-mail with a link to choose one."""

    page_title = "Inviter en medredaktør"
    template_name = "community/admin/invite.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=InviteForm(), **kwargs))

    def post(self, request, *args, **kwargs):
        form = InviteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=data["email"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=MEDREDAKTOR))
        link = request.build_absolute_uri(
            reverse(
                "wagtailadmin_password_reset_confirm",
                args=[urlsafe_base64_encode(force_bytes(user.pk)),
                      default_token_generator.make_token(user)],
            )
        )  # fmt: skip
        send_mail(
            subject="Du er inviteret som medredaktør på Vores Ishøj",
            message=text_body(
                "community/emails/invitation.txt",
                {"user": user, "link": link, "inviter": request.user},
            ),
            from_email=None,
            recipient_list=[user.email],
        )
        messages.success(request, f"{user.first_name} er inviteret. Invitationen er sendt.")
        return redirect("community_invite")
