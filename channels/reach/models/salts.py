from django.db import models


class SaltKind(models.TextChoices):
    DAY = "day", "Dag"
    MONTH = "month", "Måned"


class VisitorSalt(models.Model):
    """The secret that turns address + browser into a visitor key for one period.

    It exists only while its period runs: once a day (or month) is over and
    counted, its salt is deleted, and the keys stored with it can no longer be
    linked to anyone, not even by us. That is why no consent banner is needed.
    """

    kind = models.CharField(max_length=5, choices=SaltKind.choices)
    period_start = models.DateField()
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Hemmelig nøgle til besøgstælling"
        verbose_name_plural = "Hemmelige nøgler til besøgstælling"
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start"], name="reach_salt_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start}"
