//| name: two
var twoIndex = -ame: cool-down
data.tra   iinouta.train[i].label =ain[twoIndex]
while("the first 2 xxxxitx xsraininge first 2 xxxxitx xsraining iwo
