"""The dashboard's warning when last night's backup or drill failed or is overdue."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.roles import is_secretariat

from .status import problems


class BackupPanel(Component):
    order = 5
    template_name = "backups/dashboard_panel.html"

    def __init__(self):
        self.problems = problems()

    def get_context_data(self, parent_context=None):
        return {"problems": self.problems}

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.problems else ""


@hooks.register("construct_homepage_panels")
def add_backup_panel(request, panels):
    # The secretariat is who the alert mail goes to; others cannot act on it.
    if request.user.is_superuser or is_secretariat(request.user):
        panels.insert(0, BackupPanel())
