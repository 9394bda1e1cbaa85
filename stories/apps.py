from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Historier"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from stories import front_page, hub, moderation, page_views, submissions, topics, views
        from stories.community import follow
        from stories.community import views as community_views
        from stories.models.story import forget_newest_stories

        # The views behind the pages' own routes (stories/page_views.py).
        page_views.provide(
            event_index=views.event_index_view,
            suggest_event=submissions.suggest_event_view,
            group=community_views.group_view,
            group_contact=community_views.group_contact_view,
            task_signup=community_views.task_signup_view,
            task_confirm=community_views.task_confirm_view,
            volunteer=community_views.volunteer_view,
            photo_call=community_views.photo_call_view,
        )

        # The event feed's item, for what an event shares with listings (home/sharing.py).
        from stories.feeds.serialize import occurrence_data
        from stories.models import EventPage

        EventPage.occurrence_document = staticmethod(occurrence_data)

        moderation.connect()
        follow.connect()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_newest_stories, dispatch_uid=f"newest-stories-{signal!r}")
            signal.connect(hub.forget, dispatch_uid=f"stories-hub-{signal!r}")
        post_delete.connect(hub.forget, sender=Page, dispatch_uid="stories-hub-delete")
        for sender in (PageViewRestriction,):
            post_save.connect(hub.forget, sender=sender, dispatch_uid=f"stories-hub-save-{sender}")
            post_delete.connect(hub.forget, sender=sender, dispatch_uid=f"stories-hub-del-{sender}")
        front_page.connect()
        # A partner is shown in the story fragments and the API's kept list
        # items of every story that credits it; a story given a password must
        # leave "Flere historier" and the front page's newest at once; an
        # edited picture changes the cards' renditions there. All are keyed
        # by the chrome's generation, which page_chrome.forget renews.
        from home import page_chrome
        from stories.models import Partner

        for sender in (Partner, PageViewRestriction, get_image_model()):
            for signal in (post_save, post_delete):
                signal.connect(
                    page_chrome.forget, sender=sender, dispatch_uid=f"chrome-{sender}-{signal!r}"
                )
        topics.connect(self)
        for sender in (Page, PageViewRestriction, get_image_model()):
            post_delete.connect(
                forget_newest_stories, sender=sender, dispatch_uid=f"newest-del-{sender}"
            )
        for sender in (PageViewRestriction, get_image_model()):
            post_save.connect(
                forget_newest_stories, sender=sender, dispatch_uid=f"newest-save-{sender}"
            )
