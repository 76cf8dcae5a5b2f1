"""Public URLs of this app outside its own area (included at the site root)."""

urlpatterns: list = []
