from django.urls import path

from tracker import views

app_name = "tracker"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.concern_list, name="concerns"),
    path("cases/export.csv", views.concern_export_csv, name="concerns_csv"),
    path("cases/export.json", views.concern_export_json, name="concerns_json"),
    path("cases/feed/", views.concern_feed, name="concerns_feed"),
    path("cases/<int:pk>/", views.concern_detail, name="concern"),
    path("review/", views.record_review, name="review"),
    path("companies/", views.company_list, name="companies"),
    path("companies/<int:pk>/", views.company_detail, name="company"),
    path("facilities/", views.facility_list, name="facilities"),
    path("facilities/<int:pk>/", views.facility_detail, name="facility"),
    path("agencies/", views.agency_list, name="agencies"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("jobs/", views.job_list, name="jobs"),
    path("jobs/upload/", views.job_upload, name="job_upload"),
    path("jobs/status.json", views.job_status_json, name="jobs_status"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/retry/", views.job_retry, name="job_retry"),
]
