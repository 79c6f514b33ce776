"""The mail queue in the admin: staff see which mails wait, which are retried and which failed,
and can send failed ones again once the cause is fixed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from mailer.admin import MessageAdmin
from mailer.models import PRIORITY_DEFERRED, PRIORITY_MEDIUM, Message

from migra_hub.mail_queue import has_failed, next_retry_at


class DeliveryFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("waiting", _("waiting to be sent")),
            ("retrying", _("failed, will be retried")),
            ("failed", _("failed, given up")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Message]) -> QuerySet[Message]:
        limit = settings.MAILER_EMAIL_MAX_RETRIES
        if self.value() == "waiting":
            return queryset.exclude(priority=PRIORITY_DEFERRED)
        if self.value() == "retrying":
            return queryset.filter(priority=PRIORITY_DEFERRED, retry_count__lt=limit)
        if self.value() == "failed":
            return queryset.filter(priority=PRIORITY_DEFERRED, retry_count__gte=limit)
        return queryset


class QueuedMailAdmin(MessageAdmin):
    list_display = [*MessageAdmin.list_display, "delivery"]
    list_filter = [DeliveryFilter]
    actions = ["send_again"]
    # A record to look at: the serialised mail is not for editing.
    fields = ["recipients", "subject", "plain_text_body", "when_added", "retry_count", "delivery"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("recipients"))
    def recipients(self, message: Message) -> str:
        return ", ".join(message.to_addresses)

    @admin.display(description=_("delivery"))
    def delivery(self, message: Message) -> str:
        if message.priority != PRIORITY_DEFERRED:
            return str(_("waiting to be sent"))
        if has_failed(message):
            return str(_("failed, given up"))
        retry = timezone.localtime(next_retry_at(message))
        return str(_("failed, will be retried")) + f" ({retry:%Y-%m-%d %H:%M})"

    @admin.action(description=_("Send again with the next run of the mail worker"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[Message]) -> None:
        count = queryset.filter(priority=PRIORITY_DEFERRED).update(priority=PRIORITY_MEDIUM)
        self.message_user(
            request,
            ngettext(
                "%(count)d mail will be sent with the next run of the mail worker.",
                "%(count)d mails will be sent with the next run of the mail worker.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


admin.site.unregister(Message)
admin.site.register(Message, QueuedMailAdmin)
