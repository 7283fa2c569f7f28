package host

// eventOps are the event registration methods and the wait helpers.
var eventOps = []*Op{}
