/** Service writes, one file per mutation; each takes the actor and authorises inside. */
export { createService } from "./mutations/create-service";
export { updateService } from "./mutations/update-service";
export { deleteService } from "./mutations/delete-service";
export { bulkEditServices } from "./mutations/bulk-edit-services";
