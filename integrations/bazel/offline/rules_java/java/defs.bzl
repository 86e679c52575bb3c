# Bazel 4.2.3 loads these from @rules_java for its JDK toolchains, even in
# a C++-only build; offline, this stands in for the download.

def java_import(**kwargs):
    native.java_import(**kwargs)

def java_runtime(**kwargs):
    native.java_runtime(**kwargs)

def java_toolchain(**kwargs):
    native.java_toolchain(**kwargs)

def java_binary(**kwargs):
    native.java_binary(**kwargs)
