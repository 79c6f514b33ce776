from django.urls import path

from networks import views

app_name = "networks"

# Fixed paths come before <slug>; services.RESERVED_SLUGS keeps networks from taking them.
urlpatterns = [
    path("", views.network_list, name="index"),
    path("new/", views.network_create, name="create"),
    path("mine/", views.my_networks, name="mine"),
    path("curation/", views.curation, name="curation"),
    path("<slug:slug>/", views.network_detail, name="detail"),
    path("<slug:slug>/edit/", views.network_edit, name="edit"),
    path("<slug:slug>/join/", views.membership_request, name="join"),
    path("<slug:slug>/members/", views.network_members, name="members"),
    path("<slug:slug>/invite/", views.network_invite, name="invite"),
    path(
        "<slug:slug>/invite/<slug:organisation>/",
        views.membership_invite,
        name="invite_organisation",
    ),
    path("<slug:slug>/history/", views.network_history, name="history"),
    path("<slug:slug>/notes/", views.network_notes, name="notes"),
    path("<slug:slug>/memberships/<int:pk>/withdraw/", views.membership_withdraw, name="withdraw"),
    path("<slug:slug>/memberships/<int:pk>/accept/", views.membership_accept, name="accept"),
    path(
        "<slug:slug>/memberships/<int:pk>/decline-invitation/",
        views.membership_decline_invitation,
        name="decline_invitation",
    ),
    path("<slug:slug>/memberships/<int:pk>/leave/", views.membership_leave, name="leave"),
    path("<slug:slug>/memberships/<int:pk>/approve/", views.membership_approve, name="approve"),
    path("<slug:slug>/memberships/<int:pk>/decline/", views.membership_decline, name="decline"),
    path("<slug:slug>/memberships/<int:pk>/remove/", views.membership_remove, name="remove"),
    path(
        "<slug:slug>/memberships/<int:pk>/coordinator/",
        views.membership_name_coordinator,
        name="name_coordinator",
    ),
    path(
        "<slug:slug>/memberships/<int:pk>/coordinator/end/",
        views.membership_remove_coordinator,
        name="remove_coordinator",
    ),
]
