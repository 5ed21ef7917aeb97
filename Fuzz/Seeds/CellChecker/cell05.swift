//| name: nudges
let wish = lesson.nudges(for: two)
print("the engine's cost for this example (half the sum above): \(wish.cost)")
wish
