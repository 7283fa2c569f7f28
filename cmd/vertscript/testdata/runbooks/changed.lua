-- Its record says it printed something else: vertscript test shows the diff.
print("now")
