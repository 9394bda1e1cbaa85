"""Protections every public form shares: honeypot, rate limit, markup and image checks.

Residents send event suggestions, places, stories, recipes, photos and task
sign-ups without an account. Each of those forms needs the same defences; they
live here once so a fix to one (say, a new image trick) protects all of them.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from home.cache import cache_available

logger = logging.getLogger("voresishoj.security")

ALLOWED_IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
IMAGE_UNREADABLE = _("Filen kunne ikke læses som et billede. Brug JPEG, PNG eller WebP.")
MARKUP_MESSAGE = _("Skriv venligst almindelig tekst uden HTML-koder (fx <b> eller <script>).")

# A tag-like sequence: "<b>", "</p>", "<!--", "<script". "3 < 5" stays allowed.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")
# Control characters other than tab and newlines have no place in a resident's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def client_ip(request: HttpRequest) -> str:
    """The visitor's address; behind a trusted reverse proxy (TRUST_X_FORWARDED_FOR)
    the first address of X-Forwarded-For, since REMOTE_ADDR is then the proxy's."""
    return client_ip_from_meta(request.META)


def client_ip_from_meta(meta) -> str:
    """client_ip() for a bare WSGI environ (the reach beacon's fast path)."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return meta.get("REMOTE_ADDR", "")


def client_fingerprint(request: HttpRequest) -> str:
    """A hashed client address: the cache never holds a resident's IP in clear text."""
    ip = client_ip(request) or "unknown"
    return hashlib.sha256(ip.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` counted attempts per client within `window` seconds.

    `scope` keeps the forms apart, so many event suggestions do not block a
    task sign-up from the same library computer.
    """

    scope: str
    limit: int
    window: int

    def key(self, request: HttpRequest, extra: str = "") -> str:
        suffix = hashlib.sha256(extra.encode()).hexdigest()[:16] if extra else ""
        return f"ratelimit:{self.scope}:{client_fingerprint(request)}:{suffix}"

    def exceeded(self, request: HttpRequest, extra: str = "") -> bool:
        seen = cache.get(self.key(request, extra), 0)
        if not cache_available(cache):
            _fail_open(self.scope)
            return False
        return seen >= self.limit

    def hit(self, request: HttpRequest, extra: str = "") -> bool:
        """Count this attempt and say whether it is one too many.

        For forms: every submission counts, valid or not, honeypot or not, so
        a script cannot post invalid forms for free. With the cache gone the
        limit fails open (the request goes through, with a log line).
        """
        key = self.key(request, extra)
        if cache.add(key, 1, timeout=self.window):
            seen = 1
        else:
            try:
                seen = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=self.window)
                seen = 1
        if seen is None or not cache_available(cache):
            _fail_open(self.scope)
            return False
        return seen > self.limit

    def count(self, request: HttpRequest, extra: str = "") -> None:
        key = self.key(request, extra)
        if cache.add(key, 1, timeout=self.window):
            return
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=self.window)

    def reset(self, request: HttpRequest, extra: str = "") -> None:
        cache.delete(self.key(request, extra))


_FAIL_OPEN_LOG_SECONDS = 60
_fail_open_logged: dict[str, float] = {}


def _fail_open(scope: str) -> None:
    """A limit that cannot be counted lets the request through: better an
    unthrottled minute than a portal that answers 500 to everyone."""
    now = time.monotonic()
    if now - _fail_open_logged.get(scope, -_FAIL_OPEN_LOG_SECONDS) >= _FAIL_OPEN_LOG_SECONDS:
        _fail_open_logged[scope] = now
        logger.warning(
            "Grænsen %s tælles ikke (cachen svarer ikke); forespørgsler slippes igennem.", scope
        )


def honeypot_filled(data, field_name: str) -> bool:
    """Bots fill in every field; people never see this one."""
    value = data.get(field_name) if data is not None else None
    return bool((value or "").strip()) if isinstance(value, str) else bool(value)


def reject_markup(value: str) -> None:
    """The plain-text rule of every public form: HTML is refused with a Danish
    message, never stored (it would be escaped, but the resident would not know
    why their text looks odd, and an event form once kept "<b>" as typed)."""
    if value and _MARKUP.search(value):
        raise forms.ValidationError(MARKUP_MESSAGE, code="markup")
    if value and _CONTROL.search(value):
        raise forms.ValidationError(_("Teksten indeholder ugyldige tegn."), code="control")


AUTOCOMPLETE = {
    "name": "name",
    "submitter_name": "name",
    "email": "email",
    "submitter_email": "email",
    "phone": "tel",
}
CHOOSE_AGAIN = _(
    "Vælg billedet «%(filename)s» igen: formularen havde fejl, og browseren glemmer "
    "et valgt billede, når siden vises igen."
)


class PublicFormMixin(forms.Form):
    """What every form a resident sends without an account has: the hidden
    honeypot field `firma`, and plain text only in every text field
    (`reject_markup`, added to each CharField, so a new field cannot miss it)."""

    firma = forms.CharField(
        label=_("Lad dette felt være tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and reject_markup not in field.validators:
                field.validators.append(reject_markup)
            # The sender's own name, e-mail and phone fill in from the browser
            # (WCAG 1.3.5), in every form, a new one too.
            token = AUTOCOMPLETE.get(name) or (
                "email" if isinstance(field, forms.EmailField) else None
            )
            if token:
                field.widget.attrs.setdefault("autocomplete", token)

    def is_spam(self) -> bool:
        """Bots fill in every field; people never see `firma`."""
        return honeypot_filled(self.data, "firma")

    def full_clean(self):
        """A browser never keeps a chosen file when a form comes back with
        errors: say so at the file's own field, by name, so it is chosen again
        instead of silently missing on the next send."""
        super().full_clean()
        if not self._errors or not self.files:
            return
        for name, field in self.fields.items():
            upload = self.files.get(name)
            if isinstance(field, forms.FileField) and upload and name not in self._errors:
                self.add_error(name, CHOOSE_AGAIN % {"filename": upload.name[:80]})


# The name the forms used before the plain-text rule joined the honeypot.
HoneypotMixin = PublicFormMixin


def _too_many_pixels(width: int | None = None, height: int | None = None):
    millions = settings.IMAGE_MAX_PIXELS / 1_000_000
    size = f" ({width} × {height})" if width and height else ""
    message = gettext(
        "Billedet har for mange pixels%(size)s. Det må højst have %(millions)s millioner "
        "pixels. Gem det i en mindre størrelse, og prøv igen."
    )
    return forms.ValidationError(
        message % {"size": size, "millions": f"{millions:g}"}, code="too_many_pixels"
    )


def check_image(upload, *, max_bytes: int, min_size: tuple[int, int], max_size: tuple[int, int]):
    """Validate an uploaded image with Pillow; raise ValidationError in Danish.

    Checks byte size before decoding, then format, then pixel dimensions, all
    from the file's header, so a decompression bomb (a small file that decodes
    into gigabytes, say 10,000 × 10,000 pixels in 300 KB) is refused without
    being decoded. IMAGE_MAX_PIXELS bounds what any upload can cost to decode;
    Pillow itself refuses twice that (home.apps sets its limit).
    """
    if upload.size > max_bytes:
        raise forms.ValidationError(
            gettext("Billedet er for stort. Det må højst fylde %(mb)d MB.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    try:
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
            if width * height > settings.IMAGE_MAX_PIXELS:
                raise _too_many_pixels(width, height)
            probe.verify()
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise forms.ValidationError(IMAGE_UNREADABLE) from None
    if kind not in ALLOWED_IMAGE_FORMATS:
        raise forms.ValidationError(_("Billedet skal være JPEG, PNG eller WebP."))
    min_w, min_h = min_size
    max_w, max_h = max_size
    if width < min_w or height < min_h:
        raise forms.ValidationError(
            gettext(
                "Billedet er for lille (%(width)d × %(height)d pixels). Det skal være mindst "
                "%(min_w)d × %(min_h)d pixels."
            )
            % {"width": width, "height": height, "min_w": min_w, "min_h": min_h}
        )
    if width > max_w or height > max_h:
        raise forms.ValidationError(
            gettext(
                "Billedet er for stort (%(width)d × %(height)d pixels). Det må højst være "
                "%(max_w)d × %(max_h)d pixels."
            )
            % {"width": width, "height": height, "max_w": max_w, "max_h": max_h}
        )
    upload.seek(0)
    return upload


KEEP_IMAGE_INFO = ("icc_profile", "transparency")


def strip_metadata(upload) -> SimpleUploadedFile:
    """Re-save an already checked image without EXIF (GPS position, camera serial),
    XMP, JPEG comments or PNG text chunks: any text a camera or editor hid.

    The orientation EXIF would have applied is baked into the pixels first, so
    a phone photo still stands the right way up without its metadata.
    """
    upload.seek(0)
    try:
        with Image.open(upload) as original:
            kind = original.format
            image = ImageOps.exif_transpose(original)
            if kind == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            # Pillow writes some of what it read back out: a JPEG's comment
            # segment (COM), and text chunks kept in `info`. Only what the
            # pixels need stays: the colour profile and PNG transparency.
            image.info = {k: v for k, v in image.info.items() if k in KEEP_IMAGE_INFO}
            buffer = io.BytesIO()
            options = {"quality": 90} if kind in ("JPEG", "WEBP") else {}
            image.save(buffer, kind, **options)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        raise forms.ValidationError(IMAGE_UNREADABLE) from None
    name = getattr(upload, "name", "") or "billede"
    content_type = f"image/{kind.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
