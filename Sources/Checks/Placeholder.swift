import NianbaoModel
import Indicators
