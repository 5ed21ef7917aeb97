/// Names whose definition failed: their type is unknown, so what uses them reports nothing more
/// (`Typed.followsAnError`), in this cell and, for session variables, in later ones.
extension ProgramCompiler {
  /// Records whether a name just defined follows an error.
  func mark(_ name: String, followsAnError: Bool) {
    if scope.isGlobalLevel {
      globals[name]?.followsAnError = followsAnError
    } else if followsAnError {
      localsAfterErrors.insert(name)
    } else {
      localsAfterErrors.remove(name)
    }
  }

  func followsAnError(_ resolved: ResolvedName, _ name: String) -> Bool {
    switch resolved {
    case .global(let box): box.followsAnError
    case .local: localsAfterErrors.contains(name)
    }
  }
}
