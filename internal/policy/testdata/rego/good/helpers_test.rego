package org.tags_test

# OPA test files are skipped by Hoist.
test_nothing if { true }
