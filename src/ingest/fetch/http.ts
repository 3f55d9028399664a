/** The fetch module's entry point: fetching with limits, and classifying what came back. */
export { type ContentClass, classifyContent } from "./classify.js";
export { FEED_ACCEPT, type FetchedResource, type FetchOptions, fetchResource } from "./fetch-resource.js";
