"""One view model per page, without Dash: what a page shows, read from and written back to its URL.

Each model (pydantic, frozen) has ``from_query(dataset, query)`` for URL values (or a deck slide's view),
``to_query()`` for links and bookmarks, and the selections and figure calls the page, the presenter and
the briefing pack share. The pair (``?pair=``) is part of every view.
"""
