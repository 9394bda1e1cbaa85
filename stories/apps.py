from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Historier"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from stories import hub, moderation, newest

        moderation.connect()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(newest.forget, dispatch_uid=f"newest-stories-{signal!r}")
            signal.connect(hub.forget, dispatch_uid=f"stories-hub-{signal!r}")
        post_delete.connect(hub.forget, sender=Page, dispatch_uid="stories-hub-delete")
        for sender in (PageViewRestriction,):
            post_save.connect(hub.forget, sender=sender, dispatch_uid=f"stories-hub-save-{sender}")
            post_delete.connect(hub.forget, sender=sender, dispatch_uid=f"stories-hub-del-{sender}")
        from stories import front_page, topics

        front_page.connect()
        topics.connect(self)
        for sender in (Page, PageViewRestriction, get_image_model()):
            post_delete.connect(newest.forget, sender=sender, dispatch_uid=f"newest-del-{sender}")
        for sender in (PageViewRestriction, get_image_model()):
            post_save.connect(newest.forget, sender=sender, dispatch_uid=f"newest-save-{sender}")
