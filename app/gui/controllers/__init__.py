"""Page controllers: they run facade calls on the DB lane and show the results in a view."""
