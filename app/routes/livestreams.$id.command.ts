// The console posts here with its session cookie; the API route holds the one implementation.
export { action } from "./api.v1.livestreams.$id.commands";
