/// What the connection handler does with one request.
enum EndpointAction {
    /// Writes this response.
    case respond(PlannedResponse)
    /// Writes nothing and keeps the connection open.
    case neverAnswer
    /// Closes the connection at once.
    case close
}
