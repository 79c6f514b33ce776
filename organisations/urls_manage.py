"""URLs for registering and managing entries (members) and for reviewing them (staff)."""

from django.urls import path

from organisations import views_history as history
from organisations import views_manage as manage
from organisations import views_members as members
from organisations import views_review as review
from organisations import views_searches as searches

urlpatterns = [
    # Representatives
    path("register/", manage.organisation_register, name="register"),
    path("register/new/", manage.organisation_register_new, name="register_new"),
    path("my-organisations/", manage.my_organisations, name="mine"),
    path("manage/<slug:slug>/", manage.organisation_manage, name="manage"),
    path("manage/<slug:slug>/edit/", manage.organisation_edit, name="edit"),
    path("manage/<slug:slug>/submit/", manage.organisation_submit, name="submit"),
    path("manage/<slug:slug>/confirm/", manage.organisation_confirm, name="confirm"),
    path("manage/<slug:slug>/delete/", manage.organisation_delete, name="delete"),
    path("manage/<slug:slug>/history/", history.organisation_history, name="history"),
    path("manage/<slug:slug>/offers/", manage.offer_list, name="offer_list"),
    path("manage/<slug:slug>/offers/new/", manage.offer_edit, name="offer_create"),
    path("manage/<slug:slug>/offers/<int:pk>/", manage.offer_edit, name="offer_edit"),
    path("manage/<slug:slug>/offers/<int:pk>/delete/", manage.offer_delete, name="offer_delete"),
    path("manage/<slug:slug>/members/", members.member_list, name="member_list"),
    path("manage/<slug:slug>/members/leave/", members.member_leave, name="member_leave"),
    path(
        "manage/<slug:slug>/members/<int:pk>/role/",
        members.member_change_role,
        name="member_role",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/remove/", members.member_remove, name="member_remove"
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/hand-over/",
        members.ownership_hand_over,
        name="member_hand_over",
    ),
    path(
        "manage/<slug:slug>/invitations/<int:pk>/withdraw/",
        members.invitation_cancel,
        name="invitation_cancel",
    ),
    path(
        "invitations/<int:pk>/accept/", members.invitation_accept_listed, name="invitation_accept"
    ),
    path("invitations/<str:token>/", members.invitation_detail, name="invitation"),
    path("organisations/<slug:slug>/claim/", members.claim_create, name="claim"),
    # District staff
    path("review/", review.review_queue_page, name="review_queue"),
    path("review/changes/", review.change_log, name="change_log"),
    path("review/searches/", searches.unanswered_searches_page, name="unanswered_searches"),
    path(
        "review/changes/<str:kind>/<int:history_id>/revert/",
        review.change_revert,
        name="change_revert",
    ),
    path("review/claims/<int:pk>/<str:action>/", review.claim_decide, name="claim_decide"),
    path("review/reports/<int:pk>/resolve/", review.report_resolve, name="report_resolve"),
    path("review/<slug:slug>/", review.review_detail, name="review_detail"),
    path("review/<slug:slug>/verify/", review.review_verify, name="review_verify"),
    path("review/<slug:slug>/history/", history.review_history, name="review_history"),
    path(
        "review/<slug:slug>/clear-owner-flag/",
        review.review_clear_owner_flag,
        name="review_clear_owner_flag",
    ),
    path("review/<slug:slug>/<str:action>/", review.review_decide, name="review_decide"),
]
