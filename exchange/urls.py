from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.post_list, name="index"),
    path("new/", views.post_create, name="create"),
    path("mine/", views.my_posts, name="mine"),
    path("<int:pk>/", views.post_detail, name="detail"),
    path("<int:pk>/answer/", views.answer_create, name="answer"),
    path("<int:pk>/finish/", views.post_finish, name="finish"),
    path("<int:pk>/hide/", views.post_hide, name="hide"),
]
