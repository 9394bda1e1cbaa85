"""`manage.py backup_nightly`: the clock's night job (cms/clock.py)."""

from django.core.management.base import BaseCommand

from cms.backups.nightly import run_nightly


class Command(BaseCommand):
    help = (
        "Tager nattens sikkerhedskopi, sletter de kopier, der ikke længere skal gemmes, og "
        "gendanner den nye i en prøvedatabase som øvelse."
    )

    def handle(self, *args, **options):
        result = run_nightly()
        for run in (result.backup, result.drill):
            if run is not None:
                state = "OK" if run.ok else "MISLYKKEDES"
                self.stdout.write(f"{run.get_kind_display()}: {state}. {run.message}")
        if result.pruned:
            self.stdout.write(f"Slettet efter reglerne for opbevaring: {', '.join(result.pruned)}")
