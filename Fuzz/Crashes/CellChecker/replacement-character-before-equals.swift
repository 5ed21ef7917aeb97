let n �= 1
