from django.urls import path

from following import views

app_name = "following"

urlpatterns = [
    path("", views.following_mine, name="mine"),
    path("follow/<str:kind>/", views.follow, name="follow"),
    path("unfollow/<str:kind>/", views.unfollow, name="unfollow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
