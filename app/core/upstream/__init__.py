"""Everything that may leave the machine for the collector: gate, outbox, sealing, client."""
