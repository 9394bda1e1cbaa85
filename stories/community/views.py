"""Public views: a group's page, task sign-up, "give a hand", story/recipe submission, photo calls.

Each POST goes the same way: honeypot (answer as if it worked, store nothing),
rate limit per client (429 with the text kept), validation (400 with Danish
errors), then the service call and a redirect, so a reload never sends twice.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from home import participation
from home.languages import prefixed
from home.mail import one_line, resident_mail, text_body
from home.spam import RateLimit
from stories.models import GroupIndexPage, GroupPage, GroupTask, PhotoCallPage, StoryIndexPage
from stories.occurrences import listed_events, next_of_each

from . import group_contact, personal_data, signups, submissions
from .forms import (
    GroupContactForm,
    PhotoSubmissionForm,
    RecipeSubmissionForm,
    StorySubmissionForm,
    TaskSignupForm,
    VolunteerForm,
)

logger = logging.getLogger("voresishoj.community")


def community_rate_limit(scope: str) -> RateLimit:
    return RateLimit(scope, settings.COMMUNITY_FORM_RATE_LIMIT, settings.COMMUNITY_FORM_RATE_WINDOW)


def _handle(request, form, scope: str, on_valid, done_url: str, template: str, context: dict):
    """The POST flow every community form shares (see the module docstring)."""
    limit = community_rate_limit(scope)
    status = 200
    limited = False
    if request.method == "POST":
        # Every submission counts, valid or not (home.spam.RateLimit.hit).
        if limit.hit(request):
            limited, status = True, 429
        elif form.is_spam():
            logger.info("Community form honeypot triggered (%s)", scope)
            return HttpResponseRedirect(done_url)
        elif form.is_valid():
            response = on_valid(form.cleaned_data)
            return response or HttpResponseRedirect(done_url)
        else:
            status = 400
    context = {**context, "form": form, "rate_limited": limited}
    return TemplateResponse(request, template, context, status=status)


EMAIL_HELP = _("Du får en mail med et link, du bekræfter tilmeldingen med.")
PHONE_HELP = _(
    "Hvis du ikke har en e-mail: gruppens kontaktperson ringer eller skriver til dig og "
    "bekræfter for dig. Kun kontaktpersonen og sekretariatet ser dine oplysninger."
)


def _confirm_link(request: HttpRequest, group: GroupPage, task: GroupTask, token: str) -> str:
    return request.build_absolute_uri(
        prefixed(group.url + group.reverse_subpage("task_confirm", args=[task.pk]))
        + "?"
        + urlencode({"t": token})
    )


def _send_confirmation(request: HttpRequest, group: GroupPage, task: GroupTask, signup) -> None:
    context = {
        "name": signup.name, "task": task, "group": group,
        "link": _confirm_link(request, group, task, signups.confirmation_token(signup)),
        "hours": signups.CONFIRMATION_HOURS,
    }  # fmt: skip
    # In the language of the page the volunteer signed up on.
    resident_mail(
        gettext("Bekræft din tilmelding: %(task)s") % {"task": task.title},
        text_body("community/emails/task_signup_confirm.txt", context),
        [signup.contact],
        get_language(),
    ).send(fail_silently=True)


def _ask_contact_to_confirm(request: HttpRequest, group: GroupPage, task: GroupTask, signup):
    """A volunteer without e-mail: the group's contact person (else the
    secretariat) calls them and confirms with a link of their own, in Danish
    whatever language the volunteer signed up in."""
    with translation.override(settings.LANGUAGE_CODE):
        _mail_contact_to_confirm(request, group, task, signup)


def _mail_contact_to_confirm(request: HttpRequest, group: GroupPage, task: GroupTask, signup):
    recipient, _to_contact = group_contact.recipient_for(group, request)
    if not recipient:
        logger.warning("Phone sign-up for task %s: the group has nobody to confirm it", task.pk)
        return
    context = {
        "name": signup.name, "phone": signup.contact, "task": task, "group": group,
        "link": _confirm_link(
            request, group, task, signups.confirmation_token(signup, by_hand=True)
        ),
        "days": signups.HAND_CONFIRMATION_DAYS,
    }  # fmt: skip
    send_mail(
        # One line: a name typed with a line break must not break the mail's header.
        subject=one_line(f"Ring til {signup.name} og bekræft: {task.title}"),
        message=text_body("community/emails/task_signup_by_phone.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[recipient],
        fail_silently=True,
    )


def task_signup_view(request: HttpRequest, group: GroupPage, task_id: int) -> HttpResponse:
    task = GroupTask.objects.filter(pk=task_id, page_id=group.pk).first()
    if task is None:
        raise Http404("Opgaven findes ikke.")
    base = prefixed(group.url + group.reverse_subpage("task_signup", args=[task.pk]))
    if request.GET.get("tak") in ("1", "telefon"):
        return TemplateResponse(
            request,
            "community/task_signup_thanks.html",
            {"page": group, "self": group, "task": task, "pending": True,
             "by_phone": request.GET["tak"] == "telefon",
             "hours": signups.CONFIRMATION_HOURS},
        )  # fmt: skip
    form = TaskSignupForm(request.POST or None)
    form.fields["email"].help_text = EMAIL_HELP
    form.fields["phone"].help_text = PHONE_HELP
    context = {"page": group, "self": group, "task": task, "full": task.still_needed == 0}

    def on_valid(data):
        email = personal_data.normalise_email(data["contact"])
        contact = email or data["contact"]
        result = signups.sign_up_for_task(task.pk, group.pk, data["name"], contact)
        if result.outcome == signups.SignupOutcome.PENDING:
            if email:
                _send_confirmation(request, group, task, result.signup)
                return None
            _ask_contact_to_confirm(request, group, task, result.signup)
            return HttpResponseRedirect(base + "?tak=telefon")
        # Someone else took the last spot between page load and submit.
        form.add_error(None, _("Opgaven blev fuldt besat, lige før du trykkede. Tak alligevel!"))
        return TemplateResponse(
            request,
            "community/task_signup_form.html",
            {**context, "form": form, "full": True, "rate_limited": False},
            status=409,
        )

    if request.method == "POST" and task.still_needed == 0 and not form.is_spam():
        limited = community_rate_limit("task-signup").hit(request)  # this post counts too
        return TemplateResponse(
            request,
            "community/task_signup_form.html",
            {**context, "form": form, "rate_limited": limited},
            status=429 if limited else 409,
        )
    return _handle(
        request, form, "task-signup", on_valid, base + "?tak=1",
        "community/task_signup_form.html", context,
    )  # fmt: skip


def task_confirm_view(request: HttpRequest, group: GroupPage, task_id: int):
    """The link in the mail. GET asks for one click (mail scanners open links
    too, and a GET never changes data); POST lets the sign-up take its place."""
    token = (request.POST.get("t") or request.GET.get("t") or "")[:200]
    signup = signups.signup_from_token(token) if token else None
    if signup is None or signup.task_id != task_id or signup.task.page_id != group.pk:
        return TemplateResponse(
            request,
            "community/task_signup_confirm.html",
            {"page": group, "self": group, "invalid": True, "hours": signups.CONFIRMATION_HOURS},
            status=400,
        )
    context = {"page": group, "self": group, "task": signup.task, "signup": signup, "token": token}
    if request.method == "POST":
        result = signups.confirm_signup(token)
        context["outcome"] = result.outcome.value
        context["still_needed"] = result.still_needed
        status = 409 if result.outcome == signups.SignupOutcome.FULL else 200
        return TemplateResponse(
            request, "community/task_signup_confirm.html", context, status=status
        )
    return TemplateResponse(request, "community/task_signup_confirm.html", context)


def group_view(request: HttpRequest, group: GroupPage) -> HttpResponse:
    """The group's page with the next time each of its events happens."""
    response = group.render(
        request,
        context_overrides={
            "upcoming_occurrences": next_of_each(listed_events().filter(groups=group))
        },
    )
    # The board's counts change with every sign-up: never serve a stored copy.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def group_contact_view(request: HttpRequest, group: GroupPage) -> HttpResponse:
    """ "Skriv til gruppen": the message goes by mail; the page never shows the address."""
    url = prefixed(group.url + group.reverse_subpage("contact"))
    context = {"page": group, "self": group}
    if request.GET.get("tak") == "1":
        return TemplateResponse(request, "community/group_contact_thanks.html", context)
    form = GroupContactForm(request.POST or None)

    def on_valid(data):
        if group_contact.send_group_message(group, data, request):
            return None
        # The mail server would not take it: keep the text and say so.
        return TemplateResponse(
            request,
            "community/group_contact_form.html",
            {**context, "form": form, "rate_limited": False, "unsent": True},
            status=503,
        )

    return _handle(
        request, form, "group-contact", on_valid, url + "?tak=1",
        "community/group_contact_form.html", context,
    )  # fmt: skip


def volunteer_view(request: HttpRequest, index: GroupIndexPage) -> HttpResponse:
    url = prefixed(index.url + index.reverse_subpage("volunteer"))
    if request.GET.get("tak") == "1":
        return TemplateResponse(
            request, "community/volunteer_thanks.html", {"page": index, "self": index}
        )
    groups = index.groups()
    form = VolunteerForm(request.POST or None, groups=groups)

    def on_valid(data):
        signups.offer_a_hand(data["name"], data["contact"], data["interests"], data["groups"])

    return _handle(
        request, form, "volunteer", on_valid, url + "?tak=1",
        "community/volunteer_form.html", {"page": index, "self": index},
    )  # fmt: skip


def _story_index() -> StoryIndexPage:
    index = StoryIndexPage.objects.live().first()
    if index is None:
        raise Http404("Historier findes ikke endnu.")
    return index


@require_http_methods(["GET", "HEAD", "POST"])
def submit_story_view(request: HttpRequest) -> HttpResponse:
    """ "Fortæl din historie": a story, or with ?type=opskrift a recipe with its story."""
    index = _story_index()
    recipe = request.GET.get("type") == "opskrift"
    if request.GET.get("tak") == "1":
        return TemplateResponse(
            request, "community/submission_thanks.html", {"page": index, "recipe": recipe}
        )
    form_class = RecipeSubmissionForm if recipe else StorySubmissionForm
    form = form_class(request.POST or None)
    create = submissions.create_recipe_draft if recipe else submissions.create_story_draft
    done = request.path + ("?type=opskrift&tak=1" if recipe else "?tak=1")

    def on_valid(data):
        return participation.thank_you(request, create(index, data), done)

    return _handle(
        request, form, "story-submission", on_valid, done,
        "community/submission_form.html", {"page": index, "recipe": recipe},
    )  # fmt: skip


def photo_call_view(request: HttpRequest, call: PhotoCallPage) -> HttpResponse:
    context = {
        "page": call,
        "self": call,
        "photos": list(call.approved_photos()),
        "thanks": request.GET.get("tak") == "1",
    }
    if request.method == "POST" and not call.accepting:
        return TemplateResponse(
            request, "stories/photo_call_page.html", {**context, "closed": True}, status=400
        )
    form = PhotoSubmissionForm(request.POST or None, request.FILES or None)

    def on_valid(data):
        contribution = submissions.create_photo_submission(call, data)
        return participation.thank_you(request, contribution, prefixed(call.url) + "?tak=1")

    response = _handle(
        request, form, "photo-submission", on_valid, prefixed(call.url) + "?tak=1",
        "stories/photo_call_page.html", context,
    )  # fmt: skip
    # The gallery grows as photos are approved, without the page being republished.
    patch_cache_control(response, private=True, no_cache=True)
    return response
