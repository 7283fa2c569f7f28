# expect: unsupported
import subprocess  # unsupported here
print(subprocess.check_output(["echo", "hi"]).decode().strip())
