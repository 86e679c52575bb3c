# Bazel 4.2.3 (Debian bazel-bootstrap) loads these from @rules_cc while
# configuring its own C++ toolchain; offline, this stands in for the
# download: each is the rule built into Bazel.

def cc_library(**kwargs):
    native.cc_library(**kwargs)

def cc_binary(**kwargs):
    native.cc_binary(**kwargs)

def cc_test(**kwargs):
    native.cc_test(**kwargs)

def cc_toolchain(**kwargs):
    native.cc_toolchain(**kwargs)

def cc_toolchain_suite(**kwargs):
    native.cc_toolchain_suite(**kwargs)
