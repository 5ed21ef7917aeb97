/// The dictionary methods that give a dictionary: `filter` over its `(key:, value:)` pairs and
/// `mapValues`. (The others see it as the array of its pairs: `pairCollectionMethods`.)
extension ProgramCompiler {
  func dictionaryMethod(
    _ receiver: Typed, _ key: ValueType, _ value: ValueType, _ name: String,
    _ arguments: [CallArgument], at position: Position
  ) -> Typed? {
    guard arguments.count == 1, arguments[0].label == nil else { return nil }
    let pair = ValueType.tuple([key, value], labels: Self.pairLabels)
    let receiverCode = receiver.value
    let control = self.control
    func entries(_ frame: Frame) throws(EvaluationError) -> DictionaryValue {
      guard case .dictionary(let dictionary) = try receiverCode(frame) else {
        throw EvaluationError("'\(name)' needs a dictionary", at: position)
      }
      return dictionary
    }
    switch name {
    case "filter":
      let predicate = closureArgument(arguments[0].value, of: name, [pair], .bool).value
      return Typed(
        receiver.type,
        .value { frame throws(EvaluationError) in
          let dictionary = try entries(frame)
          let call = try FunctionCaller(try predicate(frame), control: control, at: position)
          var kept = DictionaryValue()
          for (key, value) in zip(dictionary.keys, dictionary.values)
          where try call.test(.tuple([key, value], labels: Self.pairLabels)) {
            kept.update(key, hash: try Self.hashKey(key, at: position), initial: value) { _ in }
          }
          return .dictionary(kept)
        }, at: position)
    case "mapValues":
      let transform = closureArgument(arguments[0].value, of: name, [value], .any)
      guard case .function(_, let produced) = transform.type else { return transform }
      let transformCode = transform.value
      return Typed(
        .dictionary(key, produced),
        .value { frame throws(EvaluationError) in
          let dictionary = try entries(frame)
          let call = try FunctionCaller(try transformCode(frame), control: control, at: position)
          var mapped = DictionaryValue()
          for (key, value) in zip(dictionary.keys, dictionary.values) {
            let hash = try Self.hashKey(key, at: position)
            mapped.update(key, hash: hash, initial: try call.one(value)) { _ in }
          }
          return .dictionary(mapped)
        }, at: position)
    default:
      return nil
    }
  }

  static let pairLabels: [String?] = ["key", "value"]
}
