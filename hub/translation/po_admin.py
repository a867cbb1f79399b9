"""The PO file download and upload of the translation editor, served by the project.

wagtail-localize's editor links to ``wagtail_localize:download_pofile`` and posts uploads to
``wagtail_localize:upload_pofile``. Its own upload view is lenient (a file without the
translation id header fails with a server error, unknown strings are dropped silently) and
its download lacks the header gettext tools expect. The views here are registered at exactly
the same addresses, before localize's (hook order -1), so the URL resolver picks them and the
editor's buttons reach them without changing localize's templates or JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from hub.translation.po import PoImportError, export_po, import_po

# A page of a few hundred segments makes a PO file of some 100 kB.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _editable_translation(request, translation_id: int) -> Translation:
    """The translation, if the user may edit its target (localize's own check)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404("The translated object no longer exists.") from None
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    return translation


@require_GET
def download_po(request, translation_id: int) -> HttpResponse:
    translation = _editable_translation(request, translation_id)
    filename = (
        f"{slugify(translation.source.object_repr) or 'translation'}"
        f"-{translation.target_locale.language_code}.po"
    )
    return HttpResponse(
        export_po(translation),
        content_type="text/x-gettext-translation; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@require_POST
def upload_po(request, translation_id: int) -> HttpResponse:
    translation = _editable_translation(request, translation_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose a PO file to upload.")
    elif upload.size > MAX_UPLOAD_BYTES:
        messages.error(
            request,
            f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
            "a PO file of one translation is much smaller. Nothing was changed.",
        )
    else:
        try:
            result = import_po(translation, upload.read(), user=request.user)
        except PoImportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Imported the PO file: {result.summary()}")
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or translation.get_target_instance_edit_url())


@hooks.register("register_admin_urls", order=-1)
def register_po_urls():
    # Same paths as localize's download_pofile/upload_pofile under its "localize/" prefix;
    # listed first, these win when the editor's reversed URLs are resolved.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            download_po,
            name="hub_translation_po_download",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_po,
            name="hub_translation_po_upload",
        ),
    ]
