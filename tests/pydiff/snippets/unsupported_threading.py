# expect: unsupported
import threading  # unsupported here
t = threading.Thread(target=print, args=("hi",))
t.start()
t.join()
