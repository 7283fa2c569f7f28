package host

// streamOps are the methods of virStream, and the methods that use a stream.
var streamOps = []*Op{}
