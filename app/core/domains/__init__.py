"""The facade's domains (``service.chat``, ``service.consent``...), over one Session."""
