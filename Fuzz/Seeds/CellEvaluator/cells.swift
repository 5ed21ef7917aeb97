var values = [1.0, 2.0]
values.append(3.0)
func twice(_ x: Double) -> Double { x * 2 }
%%
let doubled = values.map { twice($0) }
metric("sum", doubled.reduce(0, +))
%%
var text = "a"
for _ in 0..<4 { text = text + text }
print(text.count, doubled)
