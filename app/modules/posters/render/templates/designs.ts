// The template designs by key: the only place that knows which component draws which template.
import type { PosterTemplateKey } from "../poster-catalog";
import { eventDesign } from "./event";
import { newModelDesign } from "./new-model";
import { offerDesign } from "./offer";
import type { TemplateDesign } from "./parts";
import { serviceTipDesign } from "./service-tip";

const DESIGNS: Record<PosterTemplateKey, TemplateDesign> = {
  offer: offerDesign,
  event: eventDesign,
  new_model: newModelDesign,
  service_tip: serviceTipDesign,
};

export function posterDesign(key: PosterTemplateKey): TemplateDesign {
  return DESIGNS[key];
}
