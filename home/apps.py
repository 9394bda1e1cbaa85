from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Forside og indstillinger"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow refuses to open anything over twice this many pixels (a
        # decompression bomb) anywhere in the portal: public forms, the admin,
        # renditions. Its default (89 million) lets a 300 KB file cost 770 MB.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS

        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Locale, Page, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import (
            language_roots,
            languages,
            page_chrome,
            participation,
            sites,
            tree_names,
        )
        from home.admin_access import refuse_empty_bulk_actions
        from home.admin_forms import label_link_choosers
        from home.models import SiteSettings
        from home.spreadsheets import protect_wagtail_exports

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_chrome.forget, dispatch_uid=f"page-chrome-{signal!r}")
        post_delete.connect(page_chrome.forget, sender=Page, dispatch_uid="page-chrome-delete")
        post_save.connect(page_chrome.forget, sender=SiteSettings, dispatch_uid="page-chrome-set")
        post_save.connect(sites.forget, sender=Site, dispatch_uid="sites-saved")
        post_delete.connect(sites.forget, sender=Site, dispatch_uid="sites-deleted")
        label_link_choosers()
        # A decision on a resident's draft answers the resident (home/participation.py).
        participation.connect()
        protect_wagtail_exports()
        refuse_empty_bulk_actions()
        post_migrate.connect(tree_names.name_roots, sender=self, dispatch_uid="home-root-names")
        post_save.connect(languages.forget_locales, sender=Locale, dispatch_uid="locales-saved")
        post_delete.connect(languages.forget_locales, sender=Locale, dispatch_uid="locales-gone")
        post_migrate.connect(
            language_roots.after_migrate, sender=self, dispatch_uid="home-language-roots"
        )
