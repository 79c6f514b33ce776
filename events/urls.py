from django.urls import path, register_converter

from events.views import co_organisers, organisers, participants, programme, public, signup

app_name = "events"


class TokenConverter:
    """A registration's private token (``secrets.token_urlsafe``): anything else is no page."""

    regex = r"[A-Za-z0-9_-]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "registration_token")

urlpatterns = [
    path("", public.index, name="index"),
    path("archive/", public.archive, name="archive"),
    path("manage/", organisers.manage, name="manage"),
    path("new/", organisers.create, name="create"),
    # Subscribable iCalendar feeds.
    path("feed.ics", public.feed_all, name="feed"),
    path(
        "feeds/districts/<slug:city>/<slug:district>.ics",
        public.feed_district,
        name="feed_district",
    ),
    path("feeds/networks/<slug:slug>.ics", public.feed_network, name="feed_network"),
    path(
        "feeds/organisations/<slug:slug>.ics",
        public.feed_organisation,
        name="feed_organisation",
    ),
    # The private link of one registration (the token is the only key).
    path(
        "registration/<registration_token:token>/", signup.registration_detail, name="registration"
    ),
    path(
        "registration/<registration_token:token>/cancel/",
        signup.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "registration/<registration_token:token>/event.ics",
        signup.registration_calendar,
        name="registration_calendar",
    ),
    # One event.
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/event.ics", public.event_calendar, name="ics"),
    path("<slug:slug>/register/", signup.register, name="register"),
    path("<slug:slug>/register/sent/", signup.registration_sent, name="registration_sent"),
    path("<slug:slug>/delegates/", signup.delegates, name="delegates"),
    path("<slug:slug>/edit/", organisers.edit, name="edit"),
    path("<slug:slug>/publish/", organisers.publish, name="publish"),
    path("<slug:slug>/cancel/", organisers.cancel, name="cancel"),
    path("<slug:slug>/duplicate/", organisers.duplicate, name="duplicate"),
    path("<slug:slug>/registrations/", participants.registrations, name="registrations"),
    path(
        "<slug:slug>/registrations.csv",
        participants.registrations_csv,
        name="registrations_csv",
    ),
    path("<slug:slug>/check-in/", participants.check_in, name="check_in"),
    path("<slug:slug>/check-in/<int:pk>/", participants.check_in_toggle, name="check_in_toggle"),
    path("<slug:slug>/message/", organisers.message, name="message"),
    path("<slug:slug>/organisers/", co_organisers.organisers, name="organisers"),
    path(
        "<slug:slug>/organisers/<int:pk>/remove/",
        co_organisers.organiser_remove,
        name="organiser_remove",
    ),
    # The programme, its speakers and the results after the event.
    path("<slug:slug>/programme/", programme.programme, name="programme"),
    path("<slug:slug>/programme/new/", programme.part_form, name="part_create"),
    path("<slug:slug>/programme/<int:pk>/", programme.part_form, name="part_edit"),
    path("<slug:slug>/programme/<int:pk>/delete/", programme.part_delete, name="part_delete"),
    path("<slug:slug>/speakers/new/", programme.speaker_form, name="speaker_create"),
    path("<slug:slug>/speakers/<int:pk>/", programme.speaker_form, name="speaker_edit"),
    path("<slug:slug>/speakers/<int:pk>/delete/", programme.speaker_delete, name="speaker_delete"),
    path("<slug:slug>/results/", programme.results, name="results"),
    path("<slug:slug>/results/files/", programme.result_file_add, name="result_file_add"),
    path("<slug:slug>/results/files/<int:pk>/", programme.result_file, name="result_file"),
    path(
        "<slug:slug>/results/files/<int:pk>/remove/",
        programme.result_file_remove,
        name="result_file_remove",
    ),
]
