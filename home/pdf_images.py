"""Pictures inside the PDFs the portal makes (the cookbook, the event poster).

WeasyPrint is handed each picture as a data: URI read through Django's file
storage, so a PDF carries its pictures whether the media live on the local
disk or in the bucket of a remote storage (S3), where a file has no path.
"""

from __future__ import annotations

import base64
import logging
import mimetypes

logger = logging.getLogger(__name__)


def image_data_uri(rendition) -> str:
    """The rendition's bytes as a data: URI, or "" when there is none or its file
    is gone (the PDF then goes without the picture, and the log says why)."""
    if rendition is None:
        return ""
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    try:
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        logger.warning("Picture %s left out of a PDF: %s", rendition.file.name, error)
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
