from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Forside og indstillinger"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import page_chrome
        from home.models import SiteSettings

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_chrome.forget, dispatch_uid=f"page-chrome-{signal!r}")
        post_delete.connect(page_chrome.forget, sender=Page, dispatch_uid="page-chrome-delete")
        post_save.connect(page_chrome.forget, sender=SiteSettings, dispatch_uid="page-chrome-set")

        from wagtail.models import Site

        from home.site_lookup import forget_sites

        post_save.connect(forget_sites, sender=Site, dispatch_uid="site-lookup-save")
        post_delete.connect(forget_sites, sender=Site, dispatch_uid="site-lookup-delete")
