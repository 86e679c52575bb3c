# lit configuration of dbrace's check tests (test/checkers).
import os
import lit.formats

config.name = "dbrace"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp"]
config.test_source_root = os.path.join(config.dbrace_src_root, "test")
config.test_exec_root = os.path.join(config.dbrace_obj_root, "test")
config.excludes = ["Inputs", "unit", "integration", "corpus", "lit"]

# LLVM 19's FileCheck, not, count come first.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

# dbrace caches results per file (--cache-dir); the tests' cache lives in
# the build tree, not in the home of whoever runs them.
config.environment["XDG_CACHE_HOME"] = os.path.join(
    config.dbrace_obj_root, "test", "xdg-cache")

runner = os.path.join(config.dbrace_src_root, "test", "lit", "check_dbrace.py")
config.substitutions.append((
    "%check_dbrace",
    "%s %s --dbrace=%s --clang-tidy=%s --plugin=%s --clang=%s" % (
        config.python_executable, runner, config.dbrace_binary,
        config.clang_tidy, config.dbrace_plugin,
        os.path.join(config.llvm_tools_dir, "clang++"))))
config.substitutions.append(("%{dbrace_bin_dir}", os.path.dirname(config.dbrace_binary)))
config.substitutions.append(("%dbrace", config.dbrace_binary))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
