
app_name = "foi"
urlpatterns: list = []
