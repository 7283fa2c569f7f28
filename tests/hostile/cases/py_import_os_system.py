# A Python script imports os and tries to run a program: os is there, its
# process functions are refused at the call, and no handler catches that.
# want-exit: 1
# want-stderr-match: ^cases/py_import_os_system.py:7:\d+: .*(refused|not|policy)
import os
try:
    os.system("id > /tmp/pwned")
    os.popen("id")
except:
    print("caught")
