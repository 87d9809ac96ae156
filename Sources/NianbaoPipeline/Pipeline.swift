import NianbaoModel
import Extraction
