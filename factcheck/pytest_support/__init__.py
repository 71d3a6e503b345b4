"""Support code for the pytest plugin (`factcheck.plugin`): collection nodes, run state,
the baseline of known discrepancies and the failure texts.

Nothing here checks anything: items call `factcheck.runner.check_safely` and turn the
verdicts into pytest outcomes.
"""
