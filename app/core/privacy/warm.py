"""What the anonymizer loads on first use, loaded at once before a batch is shared out.

python-stdnum's country modules and phonenumbers (with its regions' metadata) are imported
the first time a message needs them: right for one message, but in a batch shared among
forked processes (``fanout.py``) each process would import them again for its own part,
some 50-80 ms of CPU each. Loaded once in the parent before the fork, they are shared
(copy-on-write) like the model. Loading them changes no finding: only when they are loaded.
"""

from __future__ import annotations


def load_all() -> None:
    """Import every module the detectors may import while reading messages."""
    import phonenumbers

    from app.core.privacy import id_numbers, patterns

    lengths = sorted({n for _, _, accepted in id_numbers._PERSONAL for n in accepted})
    for length in lengths:
        id_numbers._modules(length)  # cached per length: the lookups later find them
    # Each region's metadata is read from its own module when first asked for.
    for region in patterns._NATIONAL_REGIONS:
        phonenumbers.PhoneMetadata.metadata_for_region(region)
